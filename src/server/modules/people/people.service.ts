import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { ExpertiseArea, UpdateProfileInput } from '../../../shared/contracts/people.ts';
import type { Db } from '../../db/client.ts';
import { expertise, users } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';

export { findExperts } from './people.queries.ts';

/** Stored photos are this many pixels square. */
export const PHOTO_SIZE = 256;

/** Updates the viewer's own profile fields. */
export async function updateProfile(db: Db, userId: number, input: UpdateProfileInput) {
  if (Object.keys(input).length === 0) throw invalidField('body', 'Change at least one field.');
  await db.update(users).set(input).where(eq(users.id, userId));
}

/** Replaces the viewer's expertise areas with `areas`, in one transaction. */
export async function setExpertise(db: Db, userId: number, areas: ExpertiseArea[]) {
  await db.transaction(async (tx) => {
    await tx.delete(expertise).where(eq(expertise.userId, userId));
    if (areas.length) await tx.insert(expertise).values(areas.map((a) => ({ userId, tag: a.tag, level: a.level })));
  });
}

/** The image type from the first bytes of the file, never from its name or declared type. */
export function sniffImage(buf: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export const photosDir = (dataDir: string) => path.join(dataDir, 'photos');

/** Valid stored photo names: what `savePhoto` writes, nothing else (no paths). */
export const PHOTO_NAME = /^[0-9]+-[0-9a-f]{16}\.webp$/;

/**
 * Checks an uploaded photo by its content, re-encodes it as a square WebP without metadata,
 * stores it under a new name and removes the previous one. Refusals name the `photo` field.
 */
export async function savePhoto(db: Db, dataDir: string, userId: number, upload: Buffer): Promise<string> {
  if (upload.length === 0) throw invalidField('photo', 'The file is empty. Choose a photo.');
  if (!sniffImage(upload)) throw invalidField('photo', 'Use a JPEG, PNG or WebP photo.');
  let out: Buffer;
  try {
    // sharp drops EXIF, GPS and other metadata unless asked to keep it; rotate() applies EXIF orientation first.
    out = await sharp(upload, { limitInputPixels: 50_000_000, failOn: 'error' })
      .rotate()
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw invalidField('photo', 'This file could not be read as a photo. Try another JPEG, PNG or WebP file.');
  }
  const dir = photosDir(dataDir);
  await fs.mkdir(dir, { recursive: true });
  const name = `${userId}-${randomBytes(8).toString('hex')}.webp`;
  await fs.writeFile(path.join(dir, name), out);
  const [before] = await db.select({ photo: users.photo }).from(users).where(eq(users.id, userId));
  try {
    await db.update(users).set({ photo: name }).where(eq(users.id, userId));
  } catch (e) {
    await fs.rm(path.join(dir, name), { force: true });
    throw e;
  }
  if (before?.photo && PHOTO_NAME.test(before.photo)) await fs.rm(path.join(dir, before.photo), { force: true });
  return name;
}

/** Removes the viewer's photo (the profile then shows initials). */
export async function removePhoto(db: Db, dataDir: string, userId: number) {
  const [before] = await db.select({ photo: users.photo }).from(users).where(eq(users.id, userId));
  await db.update(users).set({ photo: null }).where(eq(users.id, userId));
  if (before?.photo && PHOTO_NAME.test(before.photo)) await fs.rm(path.join(photosDir(dataDir), before.photo), { force: true });
}
