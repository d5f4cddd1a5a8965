import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Raw, type Repository } from 'typeorm';
import type { Transaction } from '#server/database/transaction.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly orm: Repository<UserEntity>) {}

  private repo(tx?: Transaction): Repository<UserEntity> {
    return tx ? tx.getRepository(UserEntity) : this.orm;
  }

  /** Every user with the projects and teams they are bound to. */
  list(): Promise<UserEntity[]> {
    return this.orm.find({ relations: { projects: true, teams: true }, order: { username: 'ASC' } });
  }

  byId(id: string): Promise<UserEntity | null> {
    return this.orm.findOne({ where: { id }, relations: { projects: true, teams: true } });
  }

  /** For signing in: the row with its password hash, bindings not loaded. `Admin` finds `admin`. */
  byUsername(username: string): Promise<UserEntity | null> {
    return this.orm.findOne({ where: { username: sameUsername(username) } });
  }

  /** Whether the username is taken, whatever its case (the unique index on lower(username) agrees). */
  exists(username: string, tx?: Transaction): Promise<boolean> {
    return this.repo(tx).exists({ where: { username: sameUsername(username) } });
  }

  /** The first admin created, who acts for the demo's background work. */
  async firstAdmin(): Promise<UserEntity | null> {
    return this.orm.createQueryBuilder('u').where(`'admin' = ANY(u.roles)`).orderBy('u.createdAt').getOne();
  }

  /** Inserts or updates a user together with their project and team bindings. */
  save(user: Partial<UserEntity>, tx?: Transaction): Promise<UserEntity> {
    return this.repo(tx).save(user);
  }
}

/** Usernames are case-insensitive: `Admin` and `admin` are one user. */
const sameUsername = (username: string) => Raw((column) => `lower(${column}) = lower(:username)`, { username });
