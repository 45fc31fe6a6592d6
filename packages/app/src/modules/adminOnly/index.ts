export { adminOnlyModules } from './adminOnlyModules';
export { ADMIN_ONLY_PAGE_PERMISSIONS } from './adminOnlyPermissions';
