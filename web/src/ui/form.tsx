// The one way a form is built: react-hook-form holds the values, a zod schema
// (when the client can check something) validates them, and a failed request
// lands on the form through applyServerError: each problem field error under
// its field, the rest as one alert above the fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { ApiError, errorMessage, fieldErrorsOf } from "../api/client";
import { Alert } from "./feedback";

/** The key under which the form-level message is kept in react-hook-form's errors. */
export const SERVER = "root.server" as const;

/**
 * A form over `defaultValues`, validated by `schema` when given. Errors show
 * after a submit and stay until the next one (as the hand-written forms did),
 * and focus stays where the person left it. There is always a resolver, so a
 * submit starts from the schema's errors alone: the server's from the last
 * attempt never block the next one.
 */
export function useAppForm<T extends FieldValues, Out = T>(
  defaultValues: T,
  schema?: z.ZodType<Out, T>,
): UseFormReturn<T, unknown, Out> {
  return useForm<T, unknown, Out>({
    defaultValues: defaultValues as DefaultValues<T>,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
    resolver: schema ? (zodResolver(schema as never) as unknown as Resolver<T, unknown, Out>) : passThrough<T, Out>(),
  });
}

const passThrough = <T extends FieldValues, Out>(): Resolver<T, unknown, Out> => async (values) => ({ values: values as unknown as Out, errors: {} });

/** Whether `path` ("customer.name", "hours.0.openTime") names a value in `values`. */
export function hasPath(values: unknown, path: string): boolean {
  let cur: unknown = values;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object" || !(key in cur)) return false;
    cur = (cur as Record<string, unknown>)[key];
  }
  return true;
}

export interface ServerErrors {
  /** Messages for the form's own fields, by react-hook-form path. */
  fields: Record<string, string>;
  /** The message for the form as a whole: the problem's detail (or the best sentence it has), then any field errors no field shows. */
  message: string;
}

/**
 * Splits a failed request into messages for the form's fields and one for the
 * form. A problem's field keys are its error locations without "body."/"query."
 * (see ApiError.fieldErrors); array indices "[0]" become react-hook-form's ".0",
 * `rename` maps a server name onto the form's own ("startTime" → "time"), and
 * `isField` says which names the form shows.
 */
export function serverErrors(e: unknown, isField: (name: string) => boolean, rename: Record<string, string> = {}): ServerErrors {
  const message = errorMessage(e);
  if (!(e instanceof ApiError)) return { fields: {}, message };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [key, msg] of Object.entries(fieldErrorsOf(e.problem))) {
    const path = key.replace(/\[(\d+)\]/g, ".$1");
    const name = rename[path] ?? path;
    if (isField(name)) {
      if (!(name in fields)) fields[name] = msg;
    } else if (msg !== message && !rest.includes(msg)) rest.push(msg);
  }
  return { fields, message: [message, ...rest].join(" ") };
}

export interface ServerErrorOptions<T extends FieldValues> {
  /** Server field names that the form calls otherwise. */
  rename?: Record<string, Path<T>>;
  /** Fields the form shows besides its values' own keys (e.g. a picker kept outside the values). */
  extraFields?: readonly string[];
  /** Rewords the form-level message, e.g. for a status the form explains itself. */
  message?: (message: string, e: unknown) => string;
}

/** Puts a failed request's errors on the form: field errors under their fields, the rest in the form's alert (see FormAlert). */
export function applyServerError<T extends FieldValues>(
  form: Pick<UseFormReturn<T, unknown, never>, "setError" | "getValues">,
  e: unknown,
  opts: ServerErrorOptions<T> = {},
): ServerErrors {
  const values = form.getValues();
  const extra = new Set(opts.extraFields ?? []);
  const out = serverErrors(e, (name) => extra.has(name) || hasPath(values, name), opts.rename);
  for (const [name, message] of Object.entries(out.fields)) form.setError(name as Path<T>, { type: "server", message });
  const message = opts.message ? opts.message(out.message, e) : out.message;
  form.setError(SERVER, { type: "server", message });
  return { ...out, message };
}

/** The form-level alert: the message applyServerError left, if any. */
export function FormAlert({ errors, className }: { errors: FieldErrors; className?: string }) {
  const message = errors.root?.server?.message;
  return message ? <Alert className={className}>{message}</Alert> : null;
}

/** A field's message from react-hook-form's errors, for a Field component's `error`. */
export function fieldError(errors: FieldErrors, name: string): string | undefined {
  let cur: unknown = errors;
  for (const key of name.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  const m = (cur as { message?: unknown } | undefined)?.message;
  return typeof m === "string" && m ? m : undefined;
}
