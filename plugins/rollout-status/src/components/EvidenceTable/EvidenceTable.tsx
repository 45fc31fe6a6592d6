import { Evidence } from '@internal/backstage-plugin-rollout-status-common';

/** The facts a verdict rests on, as a two-column table. */
export const EvidenceTable = (props: { evidence: Evidence[] }) => {
  if (props.evidence.length === 0) {
    return null;
  }
  return (
    <table
      aria-label="Evidence"
      style={{ borderCollapse: 'collapse', width: '100%', fontSize: '0.85rem' }}
    >
      <tbody>
        {props.evidence.map((item, i) => (
          <tr
            key={`${item.label}-${i}`}
            style={{ borderTop: '1px solid #e0e0e0' }}
          >
            <th
              scope="row"
              style={{
                textAlign: 'left',
                fontWeight: 500,
                padding: '2px 8px 2px 0',
              }}
            >
              {item.label}
            </th>
            <td style={{ padding: '2px 0', fontFamily: 'monospace' }}>
              {item.value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
