import { Module } from '@nestjs/common';
import { DatabaseSession } from './database-session';
import { EvalMatchingCommand } from './eval-matching.command';
import { ExportCommand } from './export.command';
import { GenerateCommand } from './generate.command';
import { ImportCommand } from './import.command';
import { MigrateCommand } from './migrate.command';
import { SeedCommand } from './seed.command';
import { UpkeepCommand } from './upkeep.command';

/** The commands. The database is opened per command by DatabaseSession, not here. */
@Module({ providers: [DatabaseSession, ImportCommand, ExportCommand, GenerateCommand, MigrateCommand, SeedCommand, EvalMatchingCommand, UpkeepCommand] })
export class CliModule {}
