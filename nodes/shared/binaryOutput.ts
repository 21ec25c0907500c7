import {
	NodeApiError,
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { strictBoolean } from './strictValues';
import { hasSince, showSince, VERSION_1_1 } from './versioned';
import { skilljarDownload, type RequestSettings } from './transport';
import type { SkilljarOperation } from './types';

/**
 * "Download" on actions whose record links to its file (Asset › Get): the file lands in a binary
 * property of the output item, next to the record. Node version 1.1 only: under version 1 the
 * action keeps its released shape and result.
 */

/** One output item of an action: the record and, when downloaded, its file. */
export interface OutputEntry {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** The editor parameters of the download, for an operation that has one. */
export function downloadProperties(
	operation: SkilljarOperation,
	displayOptions: { show: { resource: string[]; operation: string[] } },
): INodeProperties[] {
	if (!operation.download) return [];
	const show = showSince(VERSION_1_1, displayOptions.show);
	return [
		{
			displayName: 'Download',
			name: 'download',
			type: 'boolean',
			default: false,
			description:
				'Whether to download the file into a binary property of the output item (Skilljar signs its download link for about an hour)',
			displayOptions: { show },
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
			displayOptions: { show: { ...show, download: [true] } },
		},
	];
}

/**
 * The binary property to download into, or undefined when this item does not download. Read
 * and checked before the record is fetched, so a bad value costs no request.
 */
export function readDownloadTarget(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	itemIndex: number,
): string | undefined {
	if (!operation.download || !hasSince(this.getNode().typeVersion, VERSION_1_1)) return undefined;
	const wanted = strictBoolean(this.getNodeParameter('download', itemIndex, false));
	if (typeof wanted === 'string') {
		throw new NodeOperationError(this.getNode(), `Download ${wanted}`, { itemIndex });
	}
	if (!wanted) return undefined;
	const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data');
	if (typeof property !== 'string' || property.trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Put Output File in Field is required', {
			itemIndex,
			description: 'Name the binary property the file goes to, e.g. data',
		});
	}
	return property.trim();
}

/** Downloads the record's file (through the transport's credential-free download). */
export async function withDownloadedFile(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	record: unknown,
	property: string,
	itemIndex: number,
	settings: RequestSettings,
): Promise<OutputEntry> {
	const json = (typeof record === 'object' && record !== null ? record : {}) as IDataObject;
	const spec = operation.download!;
	const url = json[spec.urlField];
	if (typeof url !== 'string' || url.trim() === '') {
		throw new NodeApiError(
			this.getNode(),
			{ [spec.urlField]: String(url ?? null) },
			{
				message: 'This record has no file to download yet',
				description: `Skilljar answered without ${spec.urlField} (a file still processing, or an embed without a file). Turn Download off to get the record alone.`,
				itemIndex,
			},
		);
	}
	const named = spec.nameField ? json[spec.nameField] : undefined;
	const file = await skilljarDownload.call(this, url.trim(), itemIndex, settings);
	const fileName = file.fileName ?? (typeof named === 'string' && named ? named : undefined);
	const binary = await this.helpers.prepareBinaryData(file.data, fileName, file.mimeType);
	return { json, binary: { [property]: binary } };
}
