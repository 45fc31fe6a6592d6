export { ReplicaSetChart } from './ReplicaSetChart';
