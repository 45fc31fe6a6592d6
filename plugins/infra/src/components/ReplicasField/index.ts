export { ReplicasField } from './ReplicasField';
