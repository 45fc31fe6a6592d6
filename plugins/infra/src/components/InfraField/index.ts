export { InfraField, InfraFieldList } from './InfraField';
