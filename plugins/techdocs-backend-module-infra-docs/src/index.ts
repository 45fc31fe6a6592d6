/**
 * TechDocs module that builds the infra repo's own docs folder as a
 * TechDocs site, with the MkDocs configuration generated in the portal.
 *
 * @packageDocumentation
 */
export { techdocsModuleInfraDocs as default } from './module';
export { InfraDocsPreparer } from './preparer/InfraDocsPreparer';
export type { InfraDocsPreparerOptions } from './preparer/InfraDocsPreparer';
export { buildNav } from './site/buildNav';
export type { NavEntry, NavPage } from './site/buildNav';
export { prepareSite } from './site/prepareSite';
export type { PreparedSite, SiteOptions } from './site/prepareSite';
