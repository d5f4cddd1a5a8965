/** `GET /api/health` once the database answers (CONTRACT.md "Starting"); a 503 error otherwise. */
export interface Health {
  status: 'ok';
}
