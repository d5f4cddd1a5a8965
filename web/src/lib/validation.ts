/** The server's patterns (its DTOs), checked in the browser first. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const EMPLOYEE_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;
export const PASSWORD_MIN = 8;
export const NAME_MAX = 100;
