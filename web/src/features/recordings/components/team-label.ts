import type { Team } from '#web/api/teams';

/** 名称 (编码), or the bare code while the teams load (or if the user cannot see the team's name). */
export function teamLabel(code: string, teams: readonly Pick<Team, 'code' | 'name'>[] | undefined): string {
  const team = teams?.find((t) => t.code === code);
  return team ? `${team.name} (${team.code})` : code;
}
