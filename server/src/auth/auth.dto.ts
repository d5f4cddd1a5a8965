import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export interface SignedInUserDto {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  projects: string[];
  teams: string[];
}

export interface LoginResponseDto {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: SignedInUserDto;
}
