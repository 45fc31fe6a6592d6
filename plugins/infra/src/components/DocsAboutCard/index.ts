export { DocsAboutCard } from './DocsAboutCard';
