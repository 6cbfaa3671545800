import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandOption, chatInput, str } from '../fakes/discord-interactions.ts';
import {
  admin,
  CHANNEL_ID,
  type DiscordHarness,
  dmUser,
  GUILD_ID,
  member,
  messageBody,
  OTHER_CHANNEL_ID,
  startHarness,
} from './discord-harness.ts';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const sub = (name: string, options: CommandOption[] = []): CommandOption[] => [{ name, type: 1, options }];
const channelOption = (id: string): CommandOption => ({ name: 'channel', type: 7, value: id });
const resolvedChannel = (id: string) => ({
  channels: { [id]: { id, type: 0, name: 'news', permissions: '3072' } },
});
const status = (targetId: string) => h.app.digests.status({ platform: 'discord', targetId });

/** Sends /digest … and returns the (immediate, ephemeral) reply. */
async function digest(actor: typeof admin, options: CommandOption[], resolved?: Record<string, unknown>) {
  const callback = await h.send(chatInput(h.fake.applicationId, actor, 'digest', options, resolved));
  expect(callback.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
  return messageBody(callback).content ?? '';
}

describe('/digest', () => {
  it('refuses a member without Manage Server, ephemerally, and saves nothing', async () => {
    const text = await digest(member, sub('subscribe', [str('time', '08:00'), str('timezone', 'Europe/Berlin')]));
    expect(text).toBe('Only server admins (members with the Manage Server permission) can change daily digests.');
    expect(await status(CHANNEL_ID)).toBeNull();
    expect(await h.app.digests.list()).toEqual([]);
  });

  it('is refused in a DM', async () => {
    const text = await digest(dmUser, sub('status'));
    expect(text).toMatch(/server channel/);
  });

  it('lets a server manager subscribe this channel, see the status and unsubscribe', async () => {
    const text = await digest(admin, sub('subscribe', [str('time', '08:00'), str('timezone', 'Europe/Berlin')]));
    expect(text).toMatch(/^Subscribed\. Daily digest for <#523456789012345678> at 08:00 \(Europe\/Berlin\)/);
    expect(await status(CHANNEL_ID)).toMatchObject({
      guildId: GUILD_ID,
      localTime: '08:00',
      timezone: 'Europe/Berlin',
    });
    expect(await digest(admin, sub('status'))).toMatch(/Next digest: <t:\d+:f>/);
    expect(await digest(member, sub('status'))).toMatch(/at 08:00 \(Europe\/Berlin\)/);
    expect(await digest(member, sub('unsubscribe'))).toMatch(/Only server admins/);
    expect(await status(CHANNEL_ID)).not.toBeNull();
    expect(await digest(admin, sub('unsubscribe'))).toMatch(/cancelled/);
    expect(await status(CHANNEL_ID)).toBeNull();
    expect(await digest(admin, sub('status'))).toMatch(/has no daily digest/);
  });

  it('subscribes another channel picked with the channel option, with a topic', async () => {
    const options = [
      str('time', '18:30'),
      str('timezone', 'UTC'),
      channelOption(OTHER_CHANNEL_ID),
      str('topic', 'NATO'),
      str('include', 'Arms control, sanctions'),
      str('exclude', 'sport'),
      str('when_empty', 'silent'),
    ];
    const text = await digest(admin, sub('subscribe', options), resolvedChannel(OTHER_CHANNEL_ID));
    expect(text).toMatch(/on “NATO” for <#523456789012345999> at 18:30 \(UTC\)/);
    expect(text).toContain('Only stories with: arms control, sanctions. Never stories with: sport.');
    expect(await status(OTHER_CHANNEL_ID)).toMatchObject({
      topic: 'NATO',
      localTime: '18:30',
      includeKeywords: ['arms control', 'sanctions'],
      excludeKeywords: ['sport'],
      whenEmpty: 'silent',
    });
    expect(await status(CHANNEL_ID)).toBeNull();
    await digest(admin, sub('unsubscribe', [channelOption(OTHER_CHANNEL_ID)]), resolvedChannel(OTHER_CHANNEL_ID));
    expect(await status(OTHER_CHANNEL_ID)).toBeNull();
  });

  it('passes core input errors on as they are', async () => {
    const text = await digest(admin, sub('subscribe', [str('time', '25:00'), str('timezone', 'Europe/Berlin')]));
    expect(text).toMatch(/Use 24-hour HH:MM/);
    expect(await digest(admin, sub('subscribe', [str('time', '08:00'), str('timezone', 'Mars/Olympus')]))).toBe(
      'Unknown time zone "Mars/Olympus". Use an IANA zone such as Europe/Berlin.',
    );
    expect(await status(CHANNEL_ID)).toBeNull();
  });
});
