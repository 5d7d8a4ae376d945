import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/licence-placeholder/licence-placeholder.js';

interface Args {
  heading: string;
  text: string;
}

const meta: Meta<Args> = {
  title: 'Foundation/Placeholder',
  component: 'licence-placeholder',
  args: { heading: 'Licensing', text: 'The widgets arrive here as they are built.' },
  render: ({ heading, text }) => html`<licence-placeholder heading=${heading}>${text}</licence-placeholder>`,
};
export default meta;

export const Default: StoryObj<Args> = {};
export const LongHeading: StoryObj<Args> = {
  args: { heading: 'Licences for the contact centre in Prague, Brno and Ostrava' },
};
