import type { Chat, User } from 'grammy/types';
import { type ContractHarness, type ContractReply, runAdapterContract } from '../contract/adapter-contract.ts';
import type { ContractEnv } from '../contract/contract-env.ts';
import { FAKE_BOT, type RecordedCall } from '../fakes/telegram-api.ts';
import { checkTelegramHtml } from '../fakes/telegram-html.ts';
import { callbackUpdate, GROUP, privateChat, textUpdate } from '../fakes/telegram-updates.ts';
import { buttonsOf, sentMessages, startTelegramRig } from './telegram-rig.ts';

// Telegram turns "@name" (5+ characters) into a mention that notifies that user.
const MENTION = /@[A-Za-z0-9_]{5,}/;

function toContractReply(call: RecordedCall): ContractReply {
  const html = String(call.body.text ?? '');
  const check = checkTelegramHtml(html);
  // Every message the bot sends must be valid Telegram HTML within the limit, whatever the case.
  if (check.errors.length > 0) throw new Error(`invalid Telegram HTML: ${check.errors.join('; ')}\n${html}`);
  if (check.visible.length > 4096) throw new Error(`message of ${check.visible.length} visible characters`);
  return {
    text: check.visible,
    html,
    buttons: buttonsOf(call),
    pings: MENTION.test(check.visible) || html.includes('tg://user'),
  };
}

async function makeTelegramHarness(env: ContractEnv): Promise<ContractHarness> {
  const rig = await startTelegramRig(env.core);
  const users = new Map<string, User>();
  const userFor = (name = 'alice'): User => {
    const existing = users.get(name);
    if (existing) return existing;
    const user: User = { id: 5000 + users.size, is_bot: false, first_name: name };
    users.set(name, user);
    return user;
  };
  const where = (options: { user?: string; place?: 'private' | 'group'; admin?: boolean } = {}) => {
    const user = userFor(options.user);
    const chat: Chat = options.place === 'group' ? GROUP : privateChat(user);
    if (options.place === 'group')
      rig.fake.setMemberStatus(GROUP.id, user.id, options.admin ? 'administrator' : 'member');
    return { user, chat, group: options.place === 'group' };
  };
  const replies = (calls: RecordedCall[]) => sentMessages(calls).map(toContractReply);

  return {
    async sendCommand(name, args = '', options) {
      const { user, chat, group } = where(options);
      const command = group ? `/${name}@${FAKE_BOT.username}` : `/${name}`;
      return replies(await rig.send(textUpdate(chat, user, args ? `${command} ${args}` : command)));
    },
    async sendText(text, options) {
      const { user, chat, group } = where(options);
      return replies(await rig.send(textUpdate(chat, user, group ? `@${FAKE_BOT.username} ${text}` : text)));
    },
    async pressButton(id, options) {
      const { user, chat } = where(options);
      const withButton = sentMessages(rig.fake.calls)
        .filter((c) => Number(c.body.chat_id) === chat.id && buttonsOf(c).includes(id))
        .at(-1);
      if (!withButton) throw new Error(`no message with a "${id}" button in chat ${chat.id}`);
      const calls = await rig.send(callbackUpdate(chat, user, id, withButton.seq));
      if (!calls.some((c) => c.method === 'answerCallbackQuery')) throw new Error('callback query not answered');
      return replies(calls);
    },
    groupSubscription: () => env.core.digests.status({ platform: 'telegram', targetId: String(GROUP.id) }),
    close: () => rig.close(),
  };
}

runAdapterContract('Telegram', makeTelegramHarness);
