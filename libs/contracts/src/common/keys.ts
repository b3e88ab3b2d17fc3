/** LeiKa service key: 14 digits (national keys start with 99). */
export const LEIKA_KEY = /^\d{14}$/;
/** Amtlicher Gemeindeschlüssel: 8 digits. */
export const AGS = /^\d{8}$/;
/** Amtlicher Regionalschlüssel: 12 digits. */
export const ARS = /^\d{12}$/;
