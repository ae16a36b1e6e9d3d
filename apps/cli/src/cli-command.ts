import { CommandRunner } from 'nest-commander';

type CommanderCommand = Parameters<CommandRunner['setCommand']>[0];

/**
 * Base of every command. Commander exits the process itself on a usage error of a subcommand
 * (missing argument, unknown option); throwing instead lets main.ts answer with exit code 2 after
 * Nest has closed.
 */
export abstract class CliCommand extends CommandRunner {
  override setCommand(command: CommanderCommand): this {
    command.exitOverride((error) => {
      throw error;
    });
    return super.setCommand(command);
  }
}

/**
 * For an option parser: a bad value. Commander recognises the code, prints "option '--x' argument
 * 'v' is invalid. <message>" and the command exits with 2 (a usage error), like a missing argument.
 */
export const invalidArgument = (message: string): Error => Object.assign(new Error(message), { code: 'commander.invalidArgument' });
