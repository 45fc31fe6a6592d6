import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { LinkFacts, ReadList } from '../../lib/details';
import { ReadValueView } from '../ReadValueView';

export interface RelatedEntityLinksProps {
  links: ReadList<LinkFacts>;
  /** Said when there is nothing to link, e.g. "no database". */
  none: string;
}

/** Databases, poolers or workloads an entity relates to, as links into the catalog. */
export function RelatedEntityLinks(props: RelatedEntityLinksProps) {
  return (
    <ReadValueView
      value={props.links}
      missing="not recorded"
      render={links =>
        links.length === 0 ? (
          props.none
        ) : (
          <>
            {links.map((link, index) => (
              <span key={index}>
                {index > 0 && ', '}
                <ReadValueView
                  value={link}
                  missing=""
                  render={({ ref, name }) => (
                    <EntityRefLink entityRef={ref} title={name} />
                  )}
                />
              </span>
            ))}
          </>
        )
      }
    />
  );
}
