/**
 * Whole API answers for tests, typed by the generated API types (src/model.ts): each factory fills every field the
 * documents require with a plain value; a test names only the fields it is about.
 */
import type { Category, CreatedAdmin, EntitySummary, Me, Member, Notification, Report, Transaction } from '../model';

const AT = '2026-11-01T10:00:00Z';

export function aMember(fields: Partial<Member> = {}): Member {
  return {
    id: 'u1',
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane@x.org',
    phone: null,
    tags: [],
    language: null,
    iban: null,
    archived: false,
    reference: '+++090/9337/55493+++',
    balance: { receivables: 0, debts: 0, collected: 0, outstanding: 0 },
    createdAt: AT,
    updatedAt: AT,
    version: 0,
    ...fields,
  };
}

export function aTransaction(fields: Partial<Transaction> = {}): Transaction {
  return {
    id: 't1',
    userId: 'u1',
    userName: 'Jane Doe',
    type: 'RECEIVABLE',
    amount: 10,
    categoryId: null,
    categoryName: null,
    date: '2026-11-02',
    description: null,
    createdAt: AT,
    updatedAt: AT,
    version: 0,
    ...fields,
  };
}

export function aCategory(fields: Partial<Category> = {}): Category {
  return { id: 'c1', name: 'Camp', color: '#ff0000', version: 0, ...fields };
}

export function aNotification(fields: Partial<Notification> = {}): Notification {
  return {
    id: 'n1',
    type: 'TransactionCreated',
    message: 'Debt of €12.00 for Jane Doe',
    userId: null,
    transactionId: null,
    createdAt: AT,
    read: false,
    ...fields,
  };
}

/** A report with nothing in its period; it also stands for its summary in the history. */
export function aReport(fields: Partial<Report> = {}): Report {
  return {
    id: 'r1',
    from: '2026-01-01',
    to: '2026-12-31',
    granularity: 'MONTH',
    categoryId: null,
    categoryName: null,
    userId: null,
    userName: null,
    currency: 'EUR',
    timeZone: 'Europe/Brussels',
    createdAt: AT,
    createdBy: 'admin',
    totals: { receivables: 0, debts: 0, collected: 0, outstanding: 0, count: 0 },
    byPeriod: [],
    byCategory: [],
    byUser: [],
    ...fields,
  };
}

/** What the signed-in administrator and an administrator of the list have in common. */
const ACCOUNT = {
  id: 'a1',
  username: 'admin',
  email: 'admin@example.com',
  firstName: 'Default',
  lastName: 'Admin',
};

/** The signed-in administrator (`GET /api/me`). */
export function aMe(fields: Partial<Me> = {}): Me {
  return { ...ACCOUNT, roles: ['admin'], language: null, ...fields };
}

/** An administrator; `temporaryPassword` only in the answer to creating one. */
export function anAdmin(fields: Partial<CreatedAdmin> = {}): CreatedAdmin {
  return { ...ACCOUNT, superAdmin: false, enabled: true, ...fields };
}

/** One of the signed-in account's entities (`GET /api/entities`). */
export function anEntity(fields: Partial<EntitySummary> = {}): EntitySummary {
  return { id: 'default', name: 'Default', slug: 'default', currency: 'EUR', role: 'super-admin', ...fields };
}
