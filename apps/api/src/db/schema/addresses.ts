import { sql } from "drizzle-orm";
import { check, index, pgTable, text } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { timestamps } from "./columns.ts";

export const ADDRESS_KINDS = ["home", "mailing"] as const;

/** A postal address of an account, as the customer gave it plus its normalised forms. */
export const addresses = pgTable(
  "addresses",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind", { enum: ADDRESS_KINDS }).notNull(),
    line1: text("line1").notNull(),
    line2: text("line2"),
    city: text("city").notNull(),
    state: text("state").notNull(),
    zip5: text("zip5").notNull(),
    zip4: text("zip4"),
    /** The street part after USPS Publication 28 ("1200 N MAIN ST APT 4B"), for typo-tolerant search. */
    streetKey: text("street_key").notNull(),
    /** The whole normalised address; accounts of one person with the same key are duplicates. */
    addressKey: text("address_key").notNull(),
    ...timestamps,
  },
  (t) => [
    check("addresses_kind_check", sql`${t.kind} in ('home', 'mailing')`),
    index("addresses_account_idx").on(t.accountId),
    index("addresses_address_key_idx").on(t.addressKey),
    index("addresses_zip5_idx").on(t.zip5),
    index("addresses_street_key_trgm_idx").using("gin", sql`${t.streetKey} gin_trgm_ops`),
  ],
);

export type AddressRow = typeof addresses.$inferSelect;
export type NewAddressRow = typeof addresses.$inferInsert;
