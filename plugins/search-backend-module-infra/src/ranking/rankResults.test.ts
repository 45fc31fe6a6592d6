import { IndexableResult } from '@backstage/plugin-search-common';
import { rankResults } from './rankResults';

function result(
  location: string,
  title: string,
  text: string,
  entity = 'infra-portal',
): IndexableResult {
  return {
    type: 'techdocs',
    document: {
      location,
      title,
      text,
      kind: 'component',
      name: entity,
    } as IndexableResult['document'],
  };
}

const fromInfraDocs = (r: IndexableResult) =>
  (r.document as { name?: string }).name === 'infra-docs';

const order = (term: string, candidates: IndexableResult[]) =>
  rankResults(term, candidates, fromInfraDocs).map(r => r.document.location);

describe('rankResults', () => {
  it("puts the preferred docs' page that names the term before another site's heading with it", () => {
    expect(
      order('EMFILE', [
        result('portal#check', 'Check for EMFILE', 'Too many open files.'),
        result(
          'infra/post-mortem',
          'Uploads failed',
          'Every upload failed with EMFILE for an hour.',
          'infra-docs',
        ),
      ]),
    ).toEqual(['infra/post-mortem', 'portal#check']);
  });

  it('needs the words side by side for the preference: scattered words do not count', () => {
    expect(
      order('connection pool', [
        result(
          'portal/pool',
          'Connection pool saturation',
          'When the pool is full.',
        ),
        result(
          'infra/any',
          'Notes',
          'A pool of workers; each connection is logged.',
          'infra-docs',
        ),
      ]),
    ).toEqual(['portal/pool', 'infra/any']);
  });

  it('ranks the heading that is the phrase, then a heading with its words, above a page that only says it in the text', () => {
    expect(
      order('rotate certificates', [
        result('a', 'Overview', 'How we rotate certificates and why.'),
        result('b', 'Rotate the old certificates', 'Steps.'),
        result('c', 'Rotate certificates', 'Steps.'),
      ]),
    ).toEqual(['c', 'b', 'a']);
  });

  it('puts a result titled exactly as the query first, before preferred pages that name it', () => {
    expect(
      order('linkwarden', [
        result(
          'infra/upgrade',
          'Upgrades',
          'linkwarden was upgraded.',
          'infra-docs',
        ),
        {
          type: 'software-catalog',
          document: {
            location: 'catalog/linkwarden',
            title: 'linkwarden',
            text: '',
          },
        },
      ]),
    ).toEqual(['catalog/linkwarden', 'infra/upgrade']);
  });

  it('matches words as the engines do: stemmed, and by prefix', () => {
    expect(
      order('restoring postgres', [
        result('a', 'Backups', 'Nightly dumps.'),
        result('b', 'Restore PostgreSQL from a backup', 'Steps.'),
      ]),
    ).toEqual(['b', 'a']);
  });

  it("keeps the engine's order between equals, and for a query of no words", () => {
    const same = [result('x', 'Same', 'text'), result('y', 'Same', 'text')];
    expect(order('same', same)).toEqual(['x', 'y']);
    expect(order('  ', [...same].reverse())).toEqual(['y', 'x']);
  });
});
