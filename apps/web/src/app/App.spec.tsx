import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';

afterEach(cleanup);

describe('App shell', () => {
  it('renders landmarks and a language switch, and an unknown path as not found', async () => {
    window.history.pushState(null, '', '/nowhere');
    render(<App lang="en" />);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Switch to Japanese' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeTruthy();
  });
});
