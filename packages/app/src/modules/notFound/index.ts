export { notFoundModule } from './notFoundModule';
