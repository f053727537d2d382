// Regions, units, users, sessions: who is who, and where.
import { pgTable, serial, integer, text, timestamp, jsonb, boolean, uniqueIndex, index } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(), // city | district | town | village
  parentId: integer('parent_id'),
});

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(), // canonical
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    kind: text('kind').notNull().default('department'), // department | town | committee | company | party | other
    regionId: integer('region_id').notNull().references(() => regions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_region_name').on(t.regionId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull().default([]),
    unitId: integer('unit_id').references(() => units.id),
    regionId: integer('region_id').references(() => regions.id),
    email: text('email'),
    disabled: boolean('disabled').notNull().default(false),
    /** set by an administrator's password reset: the next login must set a new password */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256 of the cookie token; the token itself is never stored
    userId: integer('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed login attempts by (user name as typed, source address): throttling per address and per name (server/auth/throttle.ts). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: serial('id').primaryKey(),
    ip: text('ip').notNull(),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_ip_at').on(t.ip, t.at), index('login_attempts_username_at').on(t.username, t.at)],
);
