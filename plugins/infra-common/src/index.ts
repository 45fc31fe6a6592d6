/**
 * Types and constants shared by the infra catalog module, the scaffolder
 * module and the infra frontend plugin. Isomorphic: no Node or browser APIs.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './authTiers';
export * from './details';
export * from './disruptionBudget';
export * from './docsAbout';
export * from './entityTypes';
export * from './findings';
export * from './hosts';
export * from './quantity';
export * from './runbooks';
export * from './skippedFiles';
export * from './unresolved';
export * from './wizard';
