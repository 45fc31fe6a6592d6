export { PoolUsageChart } from './PoolUsageChart';
