export { LiveManagedValue } from './LiveManagedValue';
