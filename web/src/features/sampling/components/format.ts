import dayjs from 'dayjs';

/** The call's start as the centre's people read it. */
export const callTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** Total seconds → minutes with one decimal. */
export const minutes = (seconds: number) => Math.round(seconds / 6) / 10;

export const DATE = 'YYYY-MM-DD';
export const isDate = (value: string | null | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();
export const yesterday = () => dayjs().subtract(1, 'day').format(DATE);
