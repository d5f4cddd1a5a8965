/**
 * Every error the API answers is `{statusCode, message, code?, params?, errors?}` (CONTRACT.md
 * "Errors" keeps `{statusCode, message}`; the rest is added). `message` is readable English for
 * scripts and logs; clients branch on `code` and show their own words, filled in from `params`.
 * The server maps each code to its HTTP status in one place (server/src/common/domain-error.ts).
 */
export const ERROR_CODES = [
  /** A request field is missing or wrong (class-validator and the services' own checks): `errors[]` names each field. */
  'VALIDATION_FAILED',
  /** The body (or a JSON multipart field) is not JSON. */
  'MALFORMED_JSON',
  /** A checklist draft breaks the rules of validateChecklist: `errors[]` carries each problem's code and params. */
  'CHECKLIST_INVALID',
  /** An HR sheet has bad rows: nothing was imported, `errors[]` lists each problem with its line. */
  'IMPORT_ROWS_INVALID',
  /** An export would hold too many rows (`params.total`, `params.limit`). */
  'EXPORT_TOO_LARGE',
  /** No token, or an invalid or expired one. */
  'UNAUTHENTICATED',
  /** Sign-in with a wrong username or password. */
  'BAD_CREDENTIALS',
  /** The caller's role does not allow the action. */
  'PERMISSION_DENIED',
  /** The thing is outside the caller's projects and teams. */
  'SCOPE_DENIED',
  /** A draft evaluation is changed or submitted by someone other than its inspector. */
  'NOT_YOUR_DRAFT',
  /** No such thing (or an unknown /api route). */
  'NOT_FOUND',
  /** A code, employee number or username already taken. */
  'DUPLICATE',
  /** An evaluation was saved elsewhere since the caller read its revision (optimistic lock). */
  'STALE_REVISION',
  /** A submitted evaluation is saved or submitted again: it is locked, only amended. */
  'EVALUATION_LOCKED',
  /** Amending an evaluation that is still a draft. */
  'EVALUATION_NOT_SUBMITTED',
  /** A new checklist draft while one exists (`params.version`). */
  'DRAFT_EXISTS',
  /** A published checklist version is edited, published again or deleted (`params.version`). */
  'VERSION_PUBLISHED',
  /** Sampling a project that has no active inspector (`params.project`). */
  'NO_INSPECTOR',
  /** Sampling a day that has not ended in the centre's time zone (`params.date`): its later calls would never be sampled. */
  'DAY_NOT_OVER',
  /** Changing the centre-wide checklist without seeing all projects (a supervisor bound to some projects only). */
  'ALL_PROJECTS_ONLY',
  /** Reassigning a call that has been scored already. */
  'ALREADY_SCORED',
  /** A spot check with no unassigned calls left that day (`params.team`, `params.date`). */
  'NOTHING_TO_DRAW',
  /** A rectification notice's state does not allow the step (`params.status`, `params.action`): acknowledging a closed notice… */
  'RECTIFICATION_STATE',
  /** An administrator deactivating himself or removing his own admin role. */
  'SELF_LOCKOUT',
  /** The body or upload is over the size limit. */
  'PAYLOAD_TOO_LARGE',
  /** The audio is not a supported format, or does not decode. */
  'UNSUPPORTED_MEDIA',
  /** An export by a role that needs a supervisor's approval first: ask through POST /api/exports. */
  'EXPORT_NEEDS_APPROVAL',
  /** An analysis report is published already (`params.id`): it is not remade or published again. */
  'REPORT_PUBLISHED',
  /** An export request's state does not allow the step (`params.status`): approving a refused one, downloading twice… */
  'EXPORT_STATE',
  /** An inspector's or team lead's customer-number search that is not a whole number (7+ digits): no partial or masked look-ups. */
  'NUMBER_SEARCH_PARTIAL',
  /** Too many customer-number searches in the hour (`params.retryAfterSeconds`, `params.limit`). */
  'NUMBER_SEARCH_THROTTLED',
  /** A WAV whose header claims a sample rate outside 4–192 kHz (`params.sampleRate`). */
  'AUDIO_SAMPLE_RATE',
  /** A call longer than the server accepts (MAX_AUDIO_HOURS; `params.seconds`, `params.maxSeconds`). */
  'AUDIO_TOO_LONG',
  /** A `Range` outside the file (`params.size`). */
  'RANGE_NOT_SATISFIABLE',
  /** A one-to-one or acknowledgement on a coaching item that is resolved (no failed item any more). */
  'COACHING_ITEM_CLOSED',
  /** A one-to-one on a coaching item the effect check closed as improved. */
  'COACHING_ITEM_IMPROVED',
  /** The agent's acknowledgement of a coaching item is recorded already (`params.by`). */
  'ALREADY_ACKNOWLEDGED',
  /** A coaching item was changed by someone else since the caller read its revision. */
  'COACHING_ITEM_STALE',
  /** A promotion that is approved or rejected already takes no more decisions (`params.status`); or the agent has one pending. */
  'PROMOTION_STATE',
  /** Approving a promotion before the earlier steps have (`params.step`: the step waiting). */
  'PROMOTION_OUT_OF_TURN',
  /** The caller has approved this promotion already (`params.step`: his step). */
  'PROMOTION_ALREADY_DECIDED',
  /** The caller is not one of the promotion's named approvers. */
  'PROMOTION_NOT_APPROVER',
  /** The last approval of a promotion to intern or C needs the agent's passed exam (`params.kind`: new-hire or probation). */
  'EXAM_REQUIRED',
  /** An FAQ entry is retired: kept, but neither changed nor published again. */
  'FAQ_RETIRED',
  /** An FAQ entry was changed by someone else since the caller read its revision (`params.revision`, the current one). */
  'FAQ_STALE',
  /** An FAQ entry's or proposal's state does not allow the step (`params.status`, `params.action`): reviewing a published entry, deciding a decided proposal. */
  'FAQ_STATE',
  /** A dispute after the project's window (`params.days`, `params.closedAt`): the evaluation stands. */
  'DISPUTE_WINDOW_CLOSED',
  /** A calibration evaluation is the inspectors' own exercise: it is neither acknowledged nor disputed. */
  'DISPUTE_CALIBRATION',
  /** The evaluation has been disputed already (`params.id`, `params.status`): one dispute per evaluation. */
  'DISPUTE_EXISTS',
  /** The team lead accepted the evaluation already (`params.by`): it is neither accepted again nor disputed. */
  'EVALUATION_ACKNOWLEDGED',
  /** A dispute's state does not allow the step (`params.status`, `params.action`): answering twice, escalating twice, ruling a ruled one… */
  'DISPUTE_STATE',
  /** A dispute answered by someone other than the evaluation's inspector, or escalated by a lead of another team. */
  'DISPUTE_NOT_YOURS',
  /** An example call changed or removed by someone other than who marked it (a supervisor may). */
  'EXAMPLE_NOT_YOURS',
  'AUTO_CHECK_BLIND',
  /** A participant of a calibration session not yet revealed asks for someone else's evaluation of its calls, or the benchmark. */
  'CALIBRATION_BLIND',
  /** A calibration session's state does not allow the step (`params.status`, `params.action`): revealing twice, guidance before the reveal. */
  'CALIBRATION_STATE',
  /** An inspector opening a calibration session he does not take part in. */
  'CALIBRATION_NOT_PARTICIPANT',
  /** The call's audio was deleted by its project's retention policy (`params.removedAt`): its row, transcript, peaks and scores stay. */
  'AUDIO_REMOVED',
  /** Too many failed sign-ins (`params.retryAfterSeconds`). */
  'THROTTLED',
  /** Anything unexpected: details are in the server log, never in the answer. */
  'INTERNAL',
  /** The database does not answer (health check, or any request while PostgreSQL restarts; `Retry-After`). */
  'UNAVAILABLE',
  /** The audio store (AUDIO_STORAGE: the S3-compatible store, or the audio folder's disk) does not answer: nothing was stored or read. */
  'STORAGE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/** Values filled into a translated sentence: numbers, texts, or lists of codes. */
export interface ErrorParams {
  [name: string]: string | number | boolean | readonly (string | number)[];
}

/**
 * One problem of a request, by field (`items[2].verdict`, `sections[0].items[4].rule.phrases`) or by
 * line of an uploaded sheet. `code` says what is wrong there: a class-validator constraint name
 * (`isNotEmpty`, `maxLength`…), a checklist problem code, or one of FIELD_PROBLEMS.
 */
export interface ApiErrorDetail {
  field?: string;
  line?: number;
  code?: string;
  params?: ErrorParams;
  message: string;
}

export interface ApiErrorBody {
  statusCode: number;
  message: string;
  code?: ErrorCode;
  params?: ErrorParams;
  errors?: ApiErrorDetail[];
}

/**
 * What the services themselves find wrong with a field, beside class-validator's constraint names.
 * `value` names the offending value; `codes` lists checklist item codes.
 */
export const FIELD_PROBLEMS = [
  /** `params.value` names nothing known (a project, team, agent, item code…). */
  'unknown',
  /** Left out, or empty. */
  'required',
  /** Not a JSON object. */
  'notObject',
  /** `from` after `to`. */
  'fromAfterTo',
  /** A date in the future. */
  'future',
  /** A day that has not ended yet in the centre's time zone. */
  'dayNotOver',
  /** Not a real point in time. */
  'notATime',
  /** `params.value` given twice. */
  'twice',
  /** N/A on item `params.value`, which does not allow it. */
  'naNotAllowed',
  /** Items `params.codes` have no verdict. */
  'missingVerdicts',
  /** `params.value` channels declared for a mono file. */
  'channels',
  /** `params.value` is not an active inspector of the project. */
  'notInspector',
  /** A CSV that cannot be read. */
  'unreadableCsv',
  /** The sheet is empty, or has no rows below its header. */
  'emptySheet',
  /** Columns `params.columns` are missing from the header. */
  'missingColumns',
  /** A cell of an HR sheet is not what its column needs (`params.value`). */
  'badCell',
  /** Employee number `params.value` repeats line `params.line`. */
  'repeatsLine',
  /** Team `params.value` is outside the caller's projects and teams. */
  'outOfScope',
  /** A one-to-one dated before `params.value`, the day of the call that reopened the coaching item. */
  'beforeReopen',
  /** Text with a NUL character or a lone UTF-16 surrogate (not a character at all). */
  'badCharacters',
  /** JSON nested deeper than the server reads. */
  'tooDeep',
  /** The user's roles may not hold this (the "all projects" flag for an inspector…). */
  'notAllowed',
  /** More successful calls (`params.value`) than calls handled that day. */
  'moreThanCalls',
  /** Item `params.value` did not fail: only a failed item is disputed. */
  'notFailed',
  /** Item `params.value` is not one this step decides (not disputed, or not escalated). */
  'notInDispute',
  /** A region of an example call (`params.value`, seconds) that ends before it starts or lies outside the call (`params.duration`). */
  'outsideCall',
  /** A retention period shorter than `params.value` days, which another period of the policy keeps (evaluated calls' audio at least as long as the rest, `null` = forever). */
  'shorterThan',
] as const;

export type FieldProblem = (typeof FIELD_PROBLEMS)[number];
