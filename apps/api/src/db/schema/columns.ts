import { customType, timestamp } from "drizzle-orm/pg-core";

/** A timestamp with time zone kept to the millisecond, so a JavaScript Date round-trips exactly. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

/** Case-insensitive text (the citext extension). */
export const citext = customType<{ data: string }>({
  dataType: () => "citext",
});

/** Created/updated timestamps spread into tables whose rows change. */
export const timestamps = {
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
};
