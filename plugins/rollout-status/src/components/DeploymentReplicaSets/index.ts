export { DeploymentReplicaSets } from './DeploymentReplicaSets';
