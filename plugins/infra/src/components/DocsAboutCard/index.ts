export { DocsAboutCard, docsPagePath } from './DocsAboutCard';
