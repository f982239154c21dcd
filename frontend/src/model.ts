/**
 * The console's names for the shapes of the gateway's HTTP API (DESIGN §5, §15). The shapes themselves are
 * generated from the services' OpenAPI documents (`../docs/openapi/<service>.json` → `src/api/<service>.ts`,
 * `npm run api-types`); this module only names them. Money is a JSON number with at most 2 decimals.
 */
import type { components as AuthApi } from './api/auth-service';
import type { components as NotificationApi } from './api/notification-service';
import type { components as ReportApi } from './api/report-service';
import type { components as TransactionApi } from './api/transaction-service';
import type { components as UserApi } from './api/user-service';

type AuthSchemas = AuthApi['schemas'];
type NotificationSchemas = NotificationApi['schemas'];
type ReportSchemas = ReportApi['schemas'];
type TransactionSchemas = TransactionApi['schemas'];
type UserSchemas = UserApi['schemas'];

// Errors and pages, alike in every service.
/** RFC 9457 problem details, as every service answers errors (DESIGN §4). */
export type Problem = AuthSchemas['Problem'];
export type PageMetadata = UserSchemas['Metadata'];

// user-service
export type Member = UserSchemas['MemberResponse'];
export type MemberInput = UserSchemas['MemberRequest'];
export type MemberPage = UserSchemas['PageResponseMemberResponse'];
export type Balance = UserSchemas['Balance'];

// transaction-service
export type Transaction = TransactionSchemas['TransactionResponse'];
export type TransactionInput = TransactionSchemas['TransactionRequest'];
export type TransactionPage = TransactionSchemas['PageResponseTransactionResponse'];
export type TransactionType = Transaction['type'];
export type Category = TransactionSchemas['CategoryResponse'];
export type CategoryInput = TransactionSchemas['CategoryRequest'];

/** The transaction types in the console's order (lists, filters). */
export const TRANSACTION_TYPES = ['RECEIVABLE', 'DEBT', 'COLLECTED'] as const satisfies readonly TransactionType[];

// report-service
export type Report = ReportSchemas['ReportResponse'];
export type ReportSummary = ReportSchemas['ReportSummary'];
export type ReportPage = ReportSchemas['PageResponseReportSummary'];
export type Granularity = Report['granularity'];
/** What a report is asked for with; the service takes its granularity as text, the console sends one it knows. */
export type ReportInput = Omit<ReportSchemas['ReportRequest'], 'granularity'> & { granularity: Granularity };
export type ReportTotals = ReportSchemas['Figures'];
export type PeriodLine = ReportSchemas['PeriodFigures'];
export type CategoryLine = ReportSchemas['CategoryFigures'];
export type MemberLine = ReportSchemas['MemberFigures'];
/** One line of a report breakdown: by period, by category or by member. */
export type ReportLine = PeriodLine | CategoryLine | MemberLine;

/** The granularities in the console's order (the report form). */
export const GRANULARITIES = ['DAY', 'WEEK', 'MONTH'] as const satisfies readonly Granularity[];

// notification-service
export type Notification = NotificationSchemas['NotificationView'];
export type NotificationPage = NotificationSchemas['PageResponseNotificationView'];
export type UnreadCount = NotificationSchemas['UnreadCount'];

// auth-service
/** Who is signed in; `language` is the account's own choice (DESIGN §14), none until made. */
export type Me = Omit<AuthSchemas['Me'], 'language'> & { language: Language | null };
/** `PUT /api/me/language`. */
export type LanguageInput = AuthSchemas['LanguageChoice'];
export type Admin = AuthSchemas['Admin'];
/** A new administrator, with the temporary password the service made when none was given. */
export type CreatedAdmin = AuthSchemas['CreatedAdmin'];
export type AdminInput = AuthSchemas['NewAdmin'];
export type ProfileInput = AuthSchemas['ProfileUpdate'];
export type PasswordInput = AuthSchemas['PasswordChange'];
/** One of the caller's entities (organisations), with the caller's role in it. */
export type EntitySummary = AuthSchemas['EntitySummary'];
export type EntityInput = AuthSchemas['NewEntity'];
/** A new entity, with its first super-admin's temporary password when none was given. */
export type CreatedEntity = AuthSchemas['CreatedEntity'];
export type EntitySettings = AuthSchemas['EntitySettings'];
export type Language = NonNullable<EntitySettings['defaultLanguage']>;

/** The languages an entity can speak by default, in the console's order (DESIGN §14). */
export const ENTITY_LANGUAGES = ['fr', 'nl', 'en'] as const satisfies readonly Language[];

/** `true` when `List` names every value of `Union`; otherwise the values it lacks. */
type Covers<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never]
  ? true
  : Exclude<Union, List[number]>;

/**
 * Compile-time check that the lists above name every value of the API's enums: a value one lacks becomes the type of
 * its entry here, and `true` no longer fits (the error names the value).
 */
export const ENUMS_COVERED: [
  Covers<TransactionType, typeof TRANSACTION_TYPES>,
  Covers<Granularity, typeof GRANULARITIES>,
  Covers<Language, typeof ENTITY_LANGUAGES>,
] = [true, true, true];
