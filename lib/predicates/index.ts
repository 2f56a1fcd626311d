export { isPredicate, type Predicate, type PredicateDescriptor } from './predicate';
export { PREDICATES_PACKAGE, predicateDescriptor } from './predicate-descriptor';
export { BUILTIN_PREDICATES, registerBuiltinPredicates } from './register-builtin-predicates';
export * from './has-header-key';
export * from './record-is-tombstone';
export * from './topic-name-matches';
