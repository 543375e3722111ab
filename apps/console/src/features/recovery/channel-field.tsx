import { useId } from "react";
import { cx } from "../../lib/cx.ts";
import type { ChannelOption, DeliveryChannel } from "../../lib/recovery-options.ts";

const CHANNEL_LABELS: Record<DeliveryChannel, string> = { sms: "Text message", email: "Email" };

type ChannelFieldProps = {
  channels: ChannelOption[];
  value: DeliveryChannel | null;
  onChange: (channel: DeliveryChannel) => void;
};

/**
 * Where the temporary password goes. Native radio buttons: arrow keys move between them, and one
 * that cannot be used is disabled with its reason written under it.
 */
export function ChannelField({ channels, value, onChange }: ChannelFieldProps) {
  const id = useId();
  return (
    <fieldset className="channel-group">
      <legend className="label">Send it by</legend>
      <ul className="plain-list stack">
        {channels.map((option) => {
          const inputId = `${id}-${option.channel}`;
          return (
            <li key={option.channel} className="channel">
              <input
                type="radio"
                id={inputId}
                name={`${id}-channel`}
                value={option.channel}
                checked={value === option.channel}
                disabled={!option.available}
                onChange={() => onChange(option.channel)}
                aria-describedby={option.available ? undefined : `${inputId}-note`}
              />
              <label htmlFor={inputId} className={cx("channel__label", !option.available && "channel__label--off")}>
                {CHANNEL_LABELS[option.channel]}
                {option.to ? (
                  <>
                    {" "}
                    to <span className="masked">{option.to}</span>
                  </>
                ) : null}
              </label>
              {option.available ? null : (
                <p id={`${inputId}-note`} className="method__note method__note--off channel__note">
                  {option.note}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
