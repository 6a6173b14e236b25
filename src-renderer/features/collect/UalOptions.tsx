import { useId } from 'react';
import { UalChannel, ualOptIns, type UalOptIn } from '../../../src-shared/domain/collection.js';
import { channelLabels, isLightPreset, lightPresets, optInLabels, otherPresets, presetDescription } from './collect-vocabulary.js';
import type { CollectFormValues, FormErrors } from './collect-form.js';

export interface UalOptionsProps {
  values: Pick<CollectFormValues, 'ualChannel' | 'preset' | 'optIns'>;
  onChange(update: Partial<CollectFormValues>): void;
  errors: FormErrors;
}

/** How the Unified Audit Log is read: channel, preset (by its known name) and the opt-in operations. */
export function UalOptions({ values, onChange, errors }: UalOptionsProps) {
  const id = useId();
  const light = isLightPreset(values.preset);
  const toggleOptIn = (optIn: UalOptIn, on: boolean) =>
    onChange({ optIns: ualOptIns.filter((o) => (o === optIn ? on : values.optIns.includes(o))) });
  return (
    <fieldset className="option-group">
      <legend>Unified Audit Log</legend>
      <fieldset className="radio-group">
        <legend className="field-label">Channel</legend>
        {UalChannel.options.map((channel) => (
          <label key={channel} className="choice">
            <input type="radio" name={`${id}-channel`} value={channel} checked={values.ualChannel === channel} onChange={() => onChange({ ualChannel: channel })} />
            <span>
              {channelLabels[channel].label}
              <span className="choice-hint">{channelLabels[channel].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-preset`} className="field-label">
          Preset
        </label>
        <select
          id={`${id}-preset`}
          className="input select"
          value={values.preset}
          onChange={(event) => onChange({ preset: event.target.value })}
          aria-describedby={`${id}-preset-hint${errors.preset ? ` ${id}-preset-error` : ''}`}
          aria-invalid={errors.preset ? true : undefined}
        >
          <optgroup label="Light operation sets">
            {lightPresets.map((preset) => (
              <option key={preset.value} value={preset.value}>
                {preset.value}
              </option>
            ))}
          </optgroup>
          <optgroup label="Other presets">
            {otherPresets.map((preset) => (
              <option key={preset.value} value={preset.value}>
                {preset.label}
              </option>
            ))}
          </optgroup>
        </select>
        <p id={`${id}-preset-hint`} className="field-hint">
          {presetDescription(values.preset)}
        </p>
        {errors.preset ? (
          <p id={`${id}-preset-error`} className="field-error">
            {errors.preset}
          </p>
        ) : null}
      </div>

      <fieldset className="checkbox-group" aria-describedby={`${id}-volume`} disabled={!light}>
        <legend className="field-label">Opt-in operations</legend>
        <p id={`${id}-volume`} className="volume-warning" role="note">
          <strong>Large volume:</strong> each opt-in adds one of the busiest operation families — often more records than the whole light set — and
          lengthens the collection.{light ? '' : ' Only light presets take opt-ins; this preset already decides what is collected.'}
        </p>
        {ualOptIns.map((optIn) => (
          <label key={optIn} className="choice">
            <input type="checkbox" checked={light && values.optIns.includes(optIn)} onChange={(event) => toggleOptIn(optIn, event.target.checked)} />
            <span>{optInLabels[optIn]}</span>
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
