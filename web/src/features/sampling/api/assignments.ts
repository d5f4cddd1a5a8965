import type { Assignment } from '../../../../../shared/src/api/sampling';

export type { Assignment };
