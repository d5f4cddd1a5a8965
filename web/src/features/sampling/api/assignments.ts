import type { Assignment } from '#shared/api/sampling';

export type { Assignment };
