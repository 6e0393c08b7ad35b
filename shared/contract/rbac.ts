import { z } from 'zod';
import { Freshness } from './resources';

// RBAC answers: what the current user may do (SelfSubjectRulesReview), whether someone may do one
// thing (SelfSubjectAccessReview, impersonated or not, or SubjectAccessReview), and the RBAC objects
// themselves, live from the hub's informers, for who-can and effective permissions (shared/rbac/).

const Context = z.string().min(1);
const text = z.string().max(1024);
const strings = z.array(text).max(10_000);

const PolicyRule = z.object({ verbs: strings, apiGroups: strings.optional(), resources: strings.optional(), resourceNames: strings.optional(), nonResourceURLs: strings.optional() });
const Subject = z.object({ kind: text, name: text, namespace: text.optional(), apiGroup: text.optional() });
const Selector = z.object({
  matchLabels: z.record(z.string(), text).optional(),
  matchExpressions: z.array(z.object({ key: text, operator: text, values: strings.optional() })).optional(),
});

export const RbacRoleSchema = z.object({
  kind: z.enum(['Role', 'ClusterRole']), name: text, namespace: text.optional(), uid: text,
  labels: z.record(z.string(), text).optional(), rules: z.array(PolicyRule), aggregationSelectors: z.array(Selector).optional(),
});
export const RbacBindingSchema = z.object({
  kind: z.enum(['RoleBinding', 'ClusterRoleBinding']), name: text, namespace: text.optional(), uid: text,
  roleRef: z.object({ kind: text, name: text, apiGroup: text.optional() }), subjects: z.array(Subject),
});

/** Why one of the five lists is missing (forbidden for a user who may not list it), per list. */
const ListState = z.object({ freshness: Freshness });

export const RbacObjectsEvent = z.object({
  roles: z.array(RbacRoleSchema),
  clusterRoles: z.array(RbacRoleSchema),
  roleBindings: z.array(RbacBindingSchema),
  clusterRoleBindings: z.array(RbacBindingSchema),
  serviceAccounts: strings.optional(),
  lists: z.object({ roles: ListState, clusterroles: ListState, rolebindings: ListState, clusterrolebindings: ListState, serviceaccounts: ListState }),
});
export type RbacObjectsEvent = z.infer<typeof RbacObjectsEvent>;

export const RulesReviewResult = z.object({
  namespace: z.string(),
  resourceRules: z.array(z.object({ verbs: strings, apiGroups: strings.optional(), resources: strings.optional(), resourceNames: strings.optional() })),
  nonResourceRules: z.array(z.object({ verbs: strings, nonResourceURLs: strings.optional() })),
  incomplete: z.boolean(),
  evaluationError: z.string().optional(),
});
export type RulesReviewResult = z.infer<typeof RulesReviewResult>;

export const WhoAmIResult = z.object({ username: z.string(), groups: z.array(z.string()), uid: z.string().optional() });
export type WhoAmIResult = z.infer<typeof WhoAmIResult>;

export const CanIParams = z.object({
  context: Context,
  verb: z.string().min(1).max(63),
  group: z.string().max(253).default(''),
  resource: z.string().max(253).default(''),
  subresource: z.string().max(253).optional(),
  name: z.string().max(253).optional(),
  namespace: z.string().max(63).optional(),
  /** Instead of a resource: `/healthz`, `/api/*`. */
  nonResourceURL: z.string().max(1024).optional(),
  /** Ask for someone else (kubectl --as / --as-group); the current user otherwise. */
  as: z.object({ user: z.string().max(1024), groups: z.array(z.string().max(1024)).max(50).default([]) }).optional(),
  /** How to ask for someone else: impersonation if allowed, else SubjectAccessReview (auto), or one of them. */
  via: z.enum(['auto', 'impersonate', 'subjectaccessreview']).default('auto'),
});

export const CanIResult = z.object({
  allowed: z.boolean(),
  denied: z.boolean(),
  reason: z.string().optional(),
  evaluationError: z.string().optional(),
  /** How it was asked: the current user's own review, impersonated, or a SubjectAccessReview. */
  via: z.enum(['self', 'impersonate', 'subjectaccessreview']),
});
export type CanIResult = z.infer<typeof CanIResult>;

export const rbacMethods = {
  /** SelfSubjectRulesReview in a namespace ('' asks for cluster-wide rules only). */
  'rbac.rulesReview': { params: z.object({ context: Context, namespace: z.string().max(63) }), result: RulesReviewResult },
  /** SelfSubjectReview: who the API server says the current user is. */
  'rbac.whoAmI': { params: z.object({ context: Context }), result: WhoAmIResult },
  'rbac.canI': { params: CanIParams, result: CanIResult },
} as const;

export const rbacTopics = {
  /** Roles, ClusterRoles, their bindings and ServiceAccount names, all namespaces, live (a whole snapshot per change). */
  'rbac.objects': { params: z.object({ context: Context }), event: RbacObjectsEvent },
} as const;
