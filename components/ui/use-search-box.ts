'use client';

import { useState, type ChangeEvent } from 'react';

/** A combobox's text and its highlighted option: typing starts again at the first option. `input` goes on the <input>. */
export function useSearchBox() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    setQuery(e.target.value);
    setActive(0);
  };
  return { query, active, setActive, input: { value: query, onChange } };
}
