import type { ComponentProps } from 'react';
import { TextArea } from '../../../components/ui/field.tsx';

/** A Markdown textarea with a one-line reminder of the syntax. */
export function MarkdownField(props: Omit<ComponentProps<typeof TextArea>, 'hint'> & { hint?: string }) {
  return (
    <TextArea
      rows={6}
      {...props}
      hint={
        <>
          {props.hint ? `${props.hint} ` : ''}Markdown works: <code className="rounded bg-slate-100 px-1">**bold**</code>,{' '}
          <code className="rounded bg-slate-100 px-1">- lists</code>, <code className="rounded bg-slate-100 px-1">[links](https://…)</code>; mention
          people with <code className="rounded bg-slate-100 px-1">@username</code>.
        </>
      }
    />
  );
}
