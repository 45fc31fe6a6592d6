/***/
/**
 * The infra-provider module for @backstage/plugin-catalog-backend
 *
 * @packageDocumentation
 */

export { catalogModuleInfra as default } from './module';
