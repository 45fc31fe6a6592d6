import Chip from '@material-ui/core/Chip';
import { ReadList, VolumeFacts } from '../../lib/details';
import { ReadValue } from '../../lib/readValue';
import { ReadValueView } from '../ReadValueView';

/** Encryption at rest matters for sensitive data, so an unknown is said out loud. */
function EncryptionBadge(props: { encrypted: ReadValue<boolean> }) {
  const { encrypted } = props;
  if (encrypted.state === 'known') {
    return (
      <Chip
        size="small"
        variant="outlined"
        label={encrypted.value ? 'encrypted' : 'not encrypted'}
      />
    );
  }
  return <ReadValueView value={encrypted} missing="encryption unknown" />;
}

function VolumeLine(props: { volume: VolumeFacts }) {
  const { claimName, storageClass, size, encrypted, accessModes } =
    props.volume;
  return (
    <>
      <ReadValueView
        value={claimName}
        missing="unnamed volume"
        render={name => <code>{name}</code>}
      />
      {': '}
      <ReadValueView value={storageClass} missing="no storage class" />
      {', '}
      <ReadValueView value={size} missing="no size" />
      {accessModes.length > 0 && `, ${accessModes.join(', ')}`}{' '}
      <EncryptionBadge encrypted={encrypted} />
    </>
  );
}

/** The persistent volumes of a workload: class, size, access mode and encryption. */
export function StorageSummary(props: { volumes: ReadList<VolumeFacts> }) {
  return (
    <ReadValueView
      value={props.volumes}
      missing="not recorded"
      render={volumes =>
        volumes.length === 0 ? (
          'no persistent volume'
        ) : (
          <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
            {volumes.map((volume, index) => (
              <li key={index}>
                <ReadValueView
                  value={volume}
                  missing=""
                  render={facts => <VolumeLine volume={facts} />}
                />
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
