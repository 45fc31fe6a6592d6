export { ReadValueView } from './ReadValueView';
export type { ReadValueViewProps } from './ReadValueView';
