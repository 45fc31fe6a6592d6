export { SnapshotNotice } from './SnapshotNotice';
