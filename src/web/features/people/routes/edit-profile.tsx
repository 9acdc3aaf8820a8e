import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type ExpertiseArea, MAX_EXPERTISE, tagLabel, toTag, updateProfileInput } from '../../../../shared/contracts/people.ts';
import { expertiseLevels } from '../../../../shared/model/catalogue.ts';
import { Button, buttonClass } from '../../../components/ui/button.tsx';
import { Alert, Loading } from '../../../components/ui/feedback.tsx';
import { SelectField, TextArea, TextField } from '../../../components/ui/field.tsx';
import { Card, PageHeader, Section } from '../../../components/ui/layout.tsx';
import { messageOf } from '../../../lib/api.ts';
import { focusFirstInvalid, useFormErrors, validate } from '../../../lib/forms.ts';
import { AppLink } from '../../../lib/link.tsx';
import { usePageTitle } from '../../../lib/title.ts';
import { paths } from '../../../paths.ts';
import { useMyProfile, useRemovePhoto, useSetExpertise, useUpdateProfile, useUploadPhoto } from '../api/people.ts';
import { Avatar } from '../components/person-bits.tsx';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO_MB = 5;

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf: (k: string) => string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

export function EditProfilePage() {
  usePageTitle('Edit your profile');
  const profile = useMyProfile();
  if (profile.isPending) return <Loading label="Loading your profile…" />;
  if (profile.isError) return <Alert tone="error">{messageOf(profile.error)}</Alert>;
  const p = profile.data;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Edit your profile"
        lead="Tell colleagues who you are and what you know, so the right people can find you — and you can find them."
        actions={
          <AppLink href={paths.person(p.username)} className={buttonClass('secondary')}>
            View your profile
          </AppLink>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[2fr_3fr]">
        <div className="space-y-8">
          <PhotoSection name={p.displayName} photoUrl={p.photoUrl} />
          <ExpertiseSection initial={p.expertise} />
        </div>
        <DetailsSection
          initial={{ displayName: p.displayName, title: p.title, location: p.location, timeZone: p.timeZone, bio: p.bio }}
        />
      </div>
    </div>
  );
}

function DetailsSection({ initial }: { initial: { displayName: string; title: string; location: string; timeZone: string; bio: string } }) {
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();
  const update = useUpdateProfile();
  const formRef = useRef<HTMLFormElement>(null);
  const zones = useMemo(timeZones, []);
  const guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => {
    setSaved(false);
    setValues((v) => ({ ...v, [k]: e.target.value }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const checked = validate(updateProfileInput, values);
    if (checked.errors) {
      errors.setFields(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    errors.clear();
    try {
      await update.mutateAsync(checked.data);
      setSaved(true);
    } catch (err) {
      errors.fromError(err, Object.keys(values));
      focusFirstInvalid(formRef.current);
    }
  }

  return (
    <Section title="About you" id="about">
      <Card className="p-4 sm:p-6">
        <form ref={formRef} noValidate onSubmit={submit} className="space-y-5" aria-label="About you">
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <TextField label="Name" autoComplete="name" value={values.displayName} onChange={set('displayName')} error={errors.fields.displayName} required maxLength={80} />
          <TextField label="Job title" hint="What you do, in your own words." optional value={values.title} onChange={set('title')} error={errors.fields.title} maxLength={100} placeholder="e.g. Senior network engineer" />
          <TextField label="Location" optional autoComplete="address-level2" value={values.location} onChange={set('location')} error={errors.fields.location} maxLength={100} placeholder="e.g. Leeds depot" />
          <SelectField label="Time zone" hint="Colleagues see your local time, so they know when to expect an answer." value={values.timeZone} onChange={set('timeZone')} error={errors.fields.timeZone}>
            <option value="">Not shown</option>
            {guess && zones.includes(guess) && <option value={guess}>{guess.replaceAll('_', ' ')} (this device)</option>}
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </SelectField>
          <TextArea label="About you" optional hint="Your background, what you are working on, what you would like to learn." rows={5} value={values.bio} onChange={set('bio')} error={errors.fields.bio} maxLength={2000} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" busy={update.isPending}>
              Save
            </Button>
            {saved && (
              <p role="status" className="text-sm font-medium text-emerald-800">
                Saved.
              </p>
            )}
          </div>
        </form>
      </Card>
    </Section>
  );
}

function PhotoSection({ name, photoUrl }: { name: string; photoUrl: string | null }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upload = useUploadPhoto();
  const remove = useRemovePhoto();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  function choose(f: File | undefined) {
    setDone(null);
    setError(null);
    setFile(null);
    setPreview(null);
    if (!f) return;
    if (!ACCEPTED.includes(f.type)) return setError('Choose a JPEG, PNG or WebP photo.');
    if (f.size > MAX_PHOTO_MB * 1024 * 1024) return setError(`This photo is ${(f.size / 1024 / 1024).toFixed(1)} MB; use one of at most ${MAX_PHOTO_MB} MB.`);
    setFile(f);
    setPreview(URL.createObjectURL(f));
  }

  async function save() {
    if (!file) return;
    try {
      await upload.mutateAsync(file);
      setFile(null);
      setPreview(null);
      setDone('Your new photo is saved.');
      if (inputRef.current) inputRef.current.value = '';
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <Section title="Photo" id="photo">
      <Card className="space-y-4 p-4 sm:p-6">
        <div className="flex items-center gap-4">
          {preview ? <img src={preview} alt="Your new photo, not saved yet" className="size-20 rounded-full object-cover" /> : <Avatar name={name} photoUrl={photoUrl} size="lg" />}
          <div className="min-w-0 space-y-2">
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
              Choose a photo
            </label>
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              accept={ACCEPTED.join(',')}
              aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => choose(e.target.files?.[0])}
              className="block w-full max-w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
            />
            <p id={`${inputId}-hint`} className="text-sm text-slate-600">
              JPEG, PNG or WebP, up to {MAX_PHOTO_MB} MB. We crop it to a square.
            </p>
          </div>
        </div>
        {error && (
          <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-red-700">
            ⚠ {error}
          </p>
        )}
        {done && (
          <p role="status" className="text-sm font-medium text-emerald-800">
            {done}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          {file && (
            <Button onClick={() => void save()} busy={upload.isPending}>
              Save photo
            </Button>
          )}
          {photoUrl && !file && (
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => setDone('Your photo is removed; your initials show instead.'),
                  onError: (err) => setError(messageOf(err)),
                })
              }
            >
              Remove photo
            </Button>
          )}
        </div>
      </Card>
    </Section>
  );
}

function ExpertiseSection({ initial }: { initial: ExpertiseArea[] }) {
  const [areas, setAreas] = useState(initial);
  const [text, setText] = useState('');
  const [level, setLevel] = useState<ExpertiseArea['level']>('practitioner');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const save = useSetExpertise();

  async function persist(next: ExpertiseArea[], message: string) {
    setError(null);
    setStatus(null);
    try {
      const p = await save.mutateAsync(next);
      setAreas(p.expertise);
      setStatus(message);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    const tag = toTag(text);
    if (!tag) return setError('Type an area, such as “pump maintenance”.');
    if (areas.some((a) => a.tag === tag)) return setError(`“${tagLabel(tag)}” is already on your list; change its level below.`);
    if (areas.length >= MAX_EXPERTISE) return setError(`You can list up to ${MAX_EXPERTISE} areas. Remove one first.`);
    await persist([...areas, { tag, level }], `Added “${tagLabel(tag)}”.`);
    setText('');
  }

  return (
    <Section title="Expertise" id="expertise">
      <Card className="space-y-4 p-4 sm:p-6">
        <p className="text-sm text-slate-600">
          What do you know about? People asking “who knows about…” find you through these areas, together with the answers you have given. Every
          level is welcome — “learning” tells others you are exploring it too.
        </p>
        <form onSubmit={add} className="space-y-3" aria-label="Add an expertise area">
          <TextField label="Expertise area" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. pump maintenance" maxLength={40} error={error ?? undefined} />
          {/* The level and the button share a row: the area's name gets the card's whole width. */}
          <div className="flex items-end gap-3">
            <SelectField label="Your level" value={level} onChange={(e) => setLevel(e.target.value as ExpertiseArea['level'])}>
              {expertiseLevels.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary" busy={save.isPending}>
              Add
            </Button>
          </div>
        </form>
        {status && (
          <p role="status" className="text-sm font-medium text-emerald-800">
            {status}
          </p>
        )}
        {areas.length === 0 ? (
          <p className="text-sm text-slate-600">No areas yet. Add one or two things colleagues often ask you about.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {areas.map((a) => (
              <li key={a.tag} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-2 px-3 py-2">
                <span className="break-words font-medium text-slate-900">{tagLabel(a.tag)}</span>
                <span className="flex items-center gap-2">
                  <select
                    aria-label={`Level for ${tagLabel(a.tag)}`}
                    value={a.level}
                    onChange={(e) =>
                      void persist(
                        areas.map((x) => (x.tag === a.tag ? { ...x, level: e.target.value as ExpertiseArea['level'] } : x)),
                        `Updated “${tagLabel(a.tag)}”.`,
                      )
                    }
                    className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm"
                  >
                    {expertiseLevels.map((l) => (
                      <option key={l.key} value={l.key}>
                        {l.name}
                      </option>
                    ))}
                  </select>
                  <Button size="sm" variant="ghost" onClick={() => void persist(areas.filter((x) => x.tag !== a.tag), `Removed “${tagLabel(a.tag)}”.`)}>
                    Remove<span className="sr-only"> {tagLabel(a.tag)}</span>
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <dl className="grid gap-1 text-xs text-slate-600 sm:grid-cols-2">
          {expertiseLevels.map((l) => (
            <div key={l.key}>
              <dt className="inline font-semibold text-slate-700">{l.name}:</dt> <dd className="inline">{l.description}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </Section>
  );
}
