/**
 * The words of the notices the owner of an account receives after a recovery action, and of the
 * confirmation of their report. English and Spanish; any other language gets English.
 */

/** The languages the notices are written in; the first is the one every other language falls back to. */
export const NOTICE_LANGUAGES = ["en", "es"] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/** The recovery actions a notice tells of (their audit actions). */
export const NOTICE_ACTIONS = [
  "account.unlocked",
  "account.reactivated",
  "account.temporary_password_issued",
  "account.username_reminder_sent",
  "merge.completed",
  "merge.undone",
] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

/** The language a notice to a customer with this preference (a BCP 47 tag) is written in: `es-MX` → `es`, `fr` → `en`. */
export function noticeLanguage(preferred: string): NoticeLanguage {
  const base = preferred.trim().toLowerCase().split(/[-_]/)[0];
  return NOTICE_LANGUAGES.find((language) => language === base) ?? "en";
}

interface Words {
  /** What phone support did, as the end of "phone support …". */
  did: Record<NoticeAction, string>;
  /** Any other action. */
  didSomething: string;
  months: readonly string[];
  when: (day: number, month: string, year: number, time: string) => string;
  subject: string;
  notice: (facts: { when: string; did: string; caseRef: string | null; reportUrl: string }) => string;
  confirmationSubject: string;
  confirmation: (facts: { when: string; did: string; caseRef: string | null }) => string;
}

const WORDS: Record<NoticeLanguage, Words> = {
  en: {
    did: {
      "account.unlocked": "unlocked your account",
      "account.reactivated": "reactivated your account",
      "account.temporary_password_issued": "sent a temporary password for your account",
      "account.username_reminder_sent": "sent you a reminder of your username",
      "merge.completed": "combined another account in your name with this one",
      "merge.undone": "undid the combining of this account with another",
    },
    didSomething: "made a change to your account",
    months: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    when: (day, month, year, time) => `${day} ${month} ${year} at ${time} UTC`,
    subject: "A change to your USPS account",
    notice: ({ when, did, caseRef, reportUrl }) =>
      `On ${when}, USPS phone support ${did}${caseRef ? ` (case ${caseRef})` : ""}. ` +
      "If this was you, there is nothing to do. " +
      `If it was not you, tell us here and we will lock your account at once: ${reportUrl} ` +
      "(the link works once, for 30 days).",
    confirmationSubject: "We received your report",
    confirmation: ({ when, did, caseRef }) =>
      `Thank you for telling us. On ${when}, USPS phone support ${did}${caseRef ? ` (case ${caseRef})` : ""}, and you told us it was not you. ` +
      "Your account is locked to keep it safe. To use it again, call USPS phone support: an agent will confirm it is you with a code.",
  },
  es: {
    did: {
      "account.unlocked": "desbloqueó su cuenta",
      "account.reactivated": "reactivó su cuenta",
      "account.temporary_password_issued": "envió una contraseña temporal para su cuenta",
      "account.username_reminder_sent": "le envió un recordatorio de su nombre de usuario",
      "merge.completed": "combinó otra cuenta a su nombre con esta",
      "merge.undone": "deshizo la combinación de esta cuenta con otra",
    },
    didSomething: "hizo un cambio en su cuenta",
    months: [
      "enero",
      "febrero",
      "marzo",
      "abril",
      "mayo",
      "junio",
      "julio",
      "agosto",
      "septiembre",
      "octubre",
      "noviembre",
      "diciembre",
    ],
    when: (day, month, year, time) => `${day} de ${month} de ${year} a las ${time} (UTC)`,
    subject: "Un cambio en su cuenta de USPS",
    notice: ({ when, did, caseRef, reportUrl }) =>
      `El ${when}, el servicio de atención telefónica de USPS ${did}${caseRef ? ` (caso ${caseRef})` : ""}. ` +
      "Si fue usted, no tiene que hacer nada. " +
      `Si no fue usted, avísenos aquí y bloquearemos su cuenta de inmediato: ${reportUrl} ` +
      "(el enlace sirve una vez, durante 30 días).",
    confirmationSubject: "Recibimos su aviso",
    confirmation: ({ when, did, caseRef }) =>
      `Gracias por avisarnos. El ${when}, el servicio de atención telefónica de USPS ${did}${caseRef ? ` (caso ${caseRef})` : ""}, y usted nos dijo que no fue usted. ` +
      "Su cuenta está bloqueada para protegerla. Para volver a usarla, llame al servicio de atención telefónica de USPS: un agente confirmará que es usted con un código.",
  },
};

function isNoticeAction(action: string): action is NoticeAction {
  return (NOTICE_ACTIONS as readonly string[]).includes(action);
}

/** A time in UTC, in words: `7 December 2026 at 17:56 UTC`. */
export function noticeTime(language: NoticeLanguage, at: Date): string {
  const words = WORDS[language];
  const time = `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
  return words.when(at.getUTCDate(), words.months[at.getUTCMonth()] as string, at.getUTCFullYear(), time);
}

/** The facts a notice or a confirmation tells. */
export interface NoticeFacts {
  /** The audit action of what was done. */
  action: string;
  at: Date;
  caseRef: string | null;
}

/** What phone support did, in words. */
function didWords(words: Words, action: string): string {
  return isNoticeAction(action) ? words.did[action] : words.didSomething;
}

/** The notice of a recovery action, with the owner's single-use report link. */
export function noticeMessage(
  language: NoticeLanguage,
  facts: NoticeFacts & { reportUrl: string },
): { subject: string; text: string } {
  const words = WORDS[language];
  const when = noticeTime(language, facts.at);
  const did = didWords(words, facts.action);
  return { subject: words.subject, text: words.notice({ ...facts, when, did }) };
}

/** The confirmation of the owner's report of an action (no link: the report is made). */
export function reportConfirmationMessage(
  language: NoticeLanguage,
  facts: NoticeFacts,
): { subject: string; text: string } {
  const words = WORDS[language];
  const when = noticeTime(language, facts.at);
  const did = didWords(words, facts.action);
  return { subject: words.confirmationSubject, text: words.confirmation({ ...facts, when, did }) };
}
