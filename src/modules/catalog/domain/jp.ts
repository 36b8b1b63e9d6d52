/** JP are kept in tenths (2.5 JP = 25) so that sums over a year stay exact. */
export const toTenths = (jp: number): number => Math.round(jp * 10);
export const fromTenths = (tenths: number): number => tenths / 10;
