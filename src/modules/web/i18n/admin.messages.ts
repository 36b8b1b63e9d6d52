/** Page text of the admin pages (Bahasa Indonesia; English where it differs). */
export const ADMIN_ID = {} as const;

export const ADMIN_EN: Partial<Record<keyof typeof ADMIN_ID, string>> = {};
